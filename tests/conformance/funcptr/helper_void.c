// Helper object for efun_pointer_owner.

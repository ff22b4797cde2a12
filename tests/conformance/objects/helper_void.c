// Helper object: an empty room.

string s = @END
never terminated

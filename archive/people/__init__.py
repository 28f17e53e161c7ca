"""Who may do what: users, API tokens, passwords, and the access rule that decides who may see a record."""

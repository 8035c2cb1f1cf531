"""Reading what users give: profile files (TOML), directories and stdin, population tables
(CSV, xlsx), each checked with messages that say what to fix; and the profile format's schema."""

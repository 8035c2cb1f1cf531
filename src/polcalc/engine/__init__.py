"""Evaluating the rules for a company: the compiled catalog, facts, conditions, awards, stacking,
near misses. Pure functions of the rules and a profile; no terminal, no file, no language."""

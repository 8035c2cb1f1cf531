"""Evaluating the rules for a company: the compiled catalog, facts, conditions, awards, stacking,
near misses. Pure functions of the rules and a profile; no terminal, no file, no language."""

# The award kinds register themselves with the rule format when imported: before any rule file
# is validated, so here, where importing any engine module (the catalog's loading too) passes.
# (engine.catalog cannot import them itself: they read facts, whose module names the catalog.)
from polcalc.engine import awards as awards

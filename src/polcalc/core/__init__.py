"""Primitives every layer shares: immutable records, exact amounts, bilingual text, steps of
arithmetic as data. Imports nothing else of polcalc."""

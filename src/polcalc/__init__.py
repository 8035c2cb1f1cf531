"""polcalc: which local subsidies a company qualifies for, how much, capped where, and by when."""

__version__ = "0.1.0"

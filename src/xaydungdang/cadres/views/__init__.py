"""Pages of cadre work: the hub, personnel decisions, the career and the cadre record."""

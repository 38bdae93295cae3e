"""What the overview reads from the store (issue 17), one module per method: each gives, for a
period and the units the person may see (None: all), per unit the sums its columns are made of,
as grouped aggregates in SQL (one grouped query per method and period, never row by row).
`services/overview/figures.py` turns them into the overview's cells."""

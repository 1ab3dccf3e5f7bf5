# Undo of an occurrence nothing was recorded for.
undo cstd-report 2027

# Undo with an obligation id that neither the registry nor the ledger knows.
undo cstd-reprot 2027

# Undo with a period the obligation does not have.
undo cstd-report 2027-Q1

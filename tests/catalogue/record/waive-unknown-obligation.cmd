# An obligation id with a letter missing, for a waiver.
waive councl-report 2027 --reason merged

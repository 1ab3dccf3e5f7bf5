# An obligation id with two letters swapped.
done cstd-reprot

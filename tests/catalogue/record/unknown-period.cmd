# A quarter that does not exist.
done quarterly-return 2026-Q5

# 2072 typed for 2027: a real period, due in 2071.
done cstd-report 2072

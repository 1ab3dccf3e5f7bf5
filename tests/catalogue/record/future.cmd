# A delivery dated after today.
done cstd-report 2027 --on 2027-02-01

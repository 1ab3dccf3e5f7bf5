# A second delivery for an occurrence already delivered.
done cstd-report 2027 --on 2027-01-10 --ref E/CN.16/2027/2
done cstd-report 2027

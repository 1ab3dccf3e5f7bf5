# A one-off already delivered, recorded again without naming its period.
done pp-report --on 2026-07-01
done pp-report

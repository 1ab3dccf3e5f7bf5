# An ongoing duty has no occurrence to record.
done trust-fund

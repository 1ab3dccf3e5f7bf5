# A month more than a year ahead, waived.
waive monthly-note 2028-06 --reason merged

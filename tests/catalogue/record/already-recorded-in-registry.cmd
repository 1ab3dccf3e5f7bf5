# A waiver for an occurrence the registry itself records as delivered.
waive council-report 2026 --reason merged

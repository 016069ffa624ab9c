"""Everything casetrack writes for people and programs, in one place.

`listings`: the table, markdown, CSV, JSON and JSON Lines of every listing command;
`files`: output files named on the command line, never over a store, written whole;
`pictures`: the SVG timeline and the HTML report. The export writers, beside their import
readers, are in casetrack.exchange.
"""

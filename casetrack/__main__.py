from casetrack.cli import main

main()

"""What the command line and the window both do: find the account, stamp, take breaks."""

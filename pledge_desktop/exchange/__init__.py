"""Files that leave or enter the app: REDCap dictionaries, later the charity's data package."""

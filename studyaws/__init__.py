"""studyaws: a terminal study app for the AWS Certified Developer – Associate exam."""

__version__ = "0.1.0"

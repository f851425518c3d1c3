"""Pledge Desktop: the Service Pledge for Breast Cancer, run from one offline desktop app."""

__version__ = "0.1.0"
APP_NAME = "Pledge Desktop"

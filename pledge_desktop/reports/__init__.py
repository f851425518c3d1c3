"""Printed output, made with ReportLab: survey forms now; the booklet and reports later."""

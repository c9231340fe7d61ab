"""System tests: TimeClock on a real X server and with a real Secret Service.

Everything here runs as separate processes (Xvfb, D-Bus, gnome-keyring, ``timeclock``),
each bounded by a timeout and stopped again by the test that started it.
"""

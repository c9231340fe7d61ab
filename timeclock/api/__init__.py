"""The TimeTrack attendances client and its wire format: httpx, no Qt.

Import from the modules (``timeclock.api.client``, ``.errors``, ``.credentials``…): the
package itself imports nothing, so a small module of it does not bring httpx along.
"""

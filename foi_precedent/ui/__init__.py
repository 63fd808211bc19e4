"""The Streamlit workspace's plumbing: services for the app, export, text safety and page logic.

Pages in ``app_pages/`` stay thin; what they do lives here so tests can drive it without a browser.
"""

"""Cases: a request with a received date, and the statutory clock that runs from it (pure domain)."""

"""Independent second reading of a sample of the real letters, and the agreement between the two readings."""

"""What visitors see: page presenters, views, feeds and open data."""

"""Biên chế và vị trí việc làm."""

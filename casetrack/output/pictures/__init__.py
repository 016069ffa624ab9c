"""Renderers that turn milestones into shareable files (SVG timeline, HTML report)."""

"""Readers of each registry format. Each produces domain ``Trial`` models and nothing else."""

"""Core: findings and fixes, errors, the document model, text normalisation, phrase matching, safe file writes."""

"""Language data: the house glossary, lexicons and data tables, name clustering, English read-back, word frequencies."""

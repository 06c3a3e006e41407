"""Quizzes: blocks, question specs, scoring, the endpoint, attempts and statistics."""

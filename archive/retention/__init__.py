"""How long records are kept: the schedule and its rules, holds, classification review, disposal and purging."""

"""Following up what directing documents ask (theo dõi thực hiện): tasks with a lead unit and a deadline,
repeated every few months or not, a resolution's preliminary and final reviews (sơ kết, tổng kết) among
them, closed with the record that shows them done; records citing the directing document are offered as
evidence until linked or dismissed.

A task is the directing document's: it has that record's classification and compartments, so a reader who
may not see the record sees no task of it, and no count that includes one.

- `catalog`: the SQL over `followup_tasks` and `followup_dismissed`.
- `periods`: "6m", "1y" and adding months to a deadline.
- `tasks`: adding, completing (and repeating) tasks, dismissing candidates — the use cases, audited.
- `listing`: tasks as one reader may see them, overdue ones, and candidates for evidence.
- `counts`: tasks done, due and overdue by unit (for reports).
"""

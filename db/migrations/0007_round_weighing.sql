-- How the people in a round give their weights on their phones: sliders, 100 points, or a rank order.
ALTER TABLE rounds ADD COLUMN weighing TEXT NOT NULL DEFAULT 'sliders' CHECK (weighing IN ('sliders', 'points', 'rank'));

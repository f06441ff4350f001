-- Payoff in one step (PostgreSQL dialect). Keep in step with ../sqlite/0014_payoff.sql.
-- What a payment was asked for: an ordinary payment, or the payoff (its amount is the payoff on
-- the day it posts). A returned payoff reopens the contract and says so.
ALTER TABLE payments ADD COLUMN purpose TEXT NOT NULL DEFAULT 'payment';

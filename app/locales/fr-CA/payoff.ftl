# payoff (fr-CA)

payoff-title = Montant de remboursement
payoff-back = Retour à vos contrats
payoff-date-label = Valable jusqu'au
payoff-date-hint = Tout jour d'aujourd'hui à dans 30 jours. Les intérêts s'ajoutent pour chaque jour jusqu'à cette date.
payoff-date-submit = Mettre à jour
payoff-caption = Remboursement valable jusqu'au { $date }
payoff-principal = Capital
payoff-interest-to = Intérêts courus au { $date }
payoff-per-diem-days = Intérêt quotidien : { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} × { $perdiem }
payoff-days-times = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} × { $perdiem } ({ $interest })
payoff-fees = Frais dus
payoff-credits = Paiements déjà prévus
payoff-total = Montant de remboursement
payoff-per-diem-note = Les intérêts augmentent d'environ { $perdiem } par jour; les montants sont arrondis au cent une seule fois, sur le total.
payoff-letter = Télécharger la lettre de remboursement (PDF)
payoff-pay-now = Payer maintenant
payoff-buy-now = Acheter maintenant
payoff-pay-now-note = Payez au plus tard à la date de validité : le paiement règle exactement le solde du jour où il nous parvient.
payoff-buyout-caption = Rachat anticipé aujourd'hui
payoff-remaining-payments = { $count ->
    [one] { $count } paiement restant
   *[other] { $count } paiements restants
} × { $amount }
payoff-residual = Valeur résiduelle
payoff-unearned-rent = Frais de location non courus
payoff-option-fee = Frais d'option d'achat
payoff-buyout-total = Prix d'achat aujourd'hui
payoff-maturity-caption = Achat à l'échéance ({ $date })
payoff-tax = Taxe de vente
payoff-maturity-total = Prix d'achat à l'échéance
payoff-buyout-how = « Acheter maintenant » paie le prix d'achat du jour depuis l'un de vos comptes; une fois le paiement imputé, la location prend fin et aucun autre paiement n'est dû. Vous pouvez aussi l'envoyer par virement en indiquant votre numéro de contrat.
payoff-refund-due = Remboursement qui vous est dû : { $amount }. Nous vous le ferons parvenir.
payoff-reopened = Votre paiement de remboursement { $reference } a été retourné par votre banque; le contrat est donc de nouveau ouvert. Veuillez payer de nouveau.

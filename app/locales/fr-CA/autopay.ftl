# autopay (fr-CA)

autopay-title = Prélèvement automatique
autopay-intro = Le prélèvement automatique paie chaque versement depuis votre compte le jour d'échéance ou jusqu'à 10 jours avant. Vous pouvez le modifier ou l'annuler en tout temps; les prélèvements déjà en cours sont effectués.
autopay-link = Prélèvement automatique
autopay-no-contracts = Vous n'avez aucun contrat actif pour lequel activer le prélèvement automatique.
autopay-on = Activé
autopay-off = Désactivé
autopay-by-co-borrower = Votre coemprunteur a mis en place le prélèvement automatique pour ce contrat depuis son propre compte. Lui seul peut le modifier ou l'annuler; vous pouvez toujours faire des paiements ponctuels.
autopay-from = Prélevé depuis { $source }.
autopay-next-draft = Prochain prélèvement : { $amount } le { $date }.
autopay-cancel = Annuler le prélèvement automatique
autopay-cancelled-toast = Prélèvement automatique annulé.
autopay-amount-label = Montant ({ $currency })
autopay-amount-hint = Laissez vide pour votre paiement régulier ({ $regular }), ou entrez un montant fixe plus élevé.
autopay-days-label = Jour du prélèvement
autopay-days-hint = Votre paiement est dû le { $day } du mois.
autopay-on-due-day = Le jour d'échéance
autopay-days-before = { $days ->
    [one] 1 jour avant
   *[other] { $days } jours avant
}
autopay-start-label = Mois de début
autopay-enrol = Activer le prélèvement automatique
autopay-save = Enregistrer les modifications
autopay-saving = Enregistrement…

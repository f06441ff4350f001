## Monthly statement (PDF)

pdf-statement-title = Relevé mensuel
pdf-statement-date = Date du relevé
pdf-statement-period = Période du relevé
pdf-period-range = { $from } – { $to }
pdf-contract-number = Numéro de contrat
pdf-vehicle = Véhicule
pdf-vin = NIV
pdf-account-summary = Sommaire du compte
pdf-balance-loan = Solde du capital
pdf-balance-lease = Paiements de location restants
pdf-payments-made = Paiements effectués
pdf-payments-made-value = { $made } sur { $term }
pdf-regular-payment = Paiement mensuel régulier
pdf-past-due = En souffrance
pdf-fees-due = Frais et frais de retard exigibles
pdf-in-flight = Paiements en traitement (pas encore portés au compte)
pdf-amount-due = Montant dû
pdf-due-by = À payer au plus tard le { $date }
pdf-nothing-due = Aucun montant n'est dû.
pdf-contract-closed = Ce contrat est fermé; aucun autre montant n'est dû.
pdf-activity = Opérations de la période
pdf-col-date = Date
pdf-col-description = Description
pdf-col-status = État
pdf-col-amount = Montant
pdf-col-reference = Référence
pdf-no-activity = Aucun paiement ni frais pour cette période.
pdf-statement-note = Vous pouvez payer en tout temps dans le portail client. Un paiement reçu plus de { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } après sa date d'échéance peut entraîner des frais de retard.
pdf-questions = Des questions? Écrivez-nous dans le centre de messagerie du portail client.
pdf-footer = { $number } · Page { $page } de { $pages } · Northstar Auto Finance

## Letters (PDF)

pdf-letter-paid-title = Confirmation de remboursement intégral
pdf-letter-lease-title = Confirmation de fin de location
pdf-letter-subject = { $title } — contrat { $number }
pdf-letter-greeting = Bonjour { $name },
pdf-letter-paid-body = La présente confirme que votre contrat de prêt { $number } visant le véhicule { $vehicle }, NIV { $vin }, a été payé en entier le { $date }. Le solde est de { $zero } et aucun autre paiement n'est exigible.
pdf-letter-paid-lien = Nous avons libéré notre sûreté (privilège) sur le véhicule. Si le certificat d'immatriculation indique encore Northstar Auto Finance comme créancier garanti, conservez cette lettre dans vos dossiers comme preuve de paiement.
pdf-letter-lease-body = La présente confirme que votre contrat de location { $number } visant le véhicule { $vehicle }, NIV { $vin }, a pris fin le { $date }. Tous les paiements de location ont été reçus et aucun autre paiement n'est exigible.
pdf-letter-lease-next = Conservez cette lettre dans vos dossiers. Si vous avez une question au sujet du contrat, écrivez-nous dans le centre de messagerie du portail client.
pdf-letter-closing = Cordialement,
pdf-letter-signature = Service à la clientèle, Northstar Auto Finance
pdf-contact = Des questions? Appelez le { $phone } · { $hours }

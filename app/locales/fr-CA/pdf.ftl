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

# Mainlevée, intérêts et confirmation de solde
pdf-letter-lien-title = Mainlevée de la sûreté
pdf-letter-lien-to = Au bureau d'immatriculation des véhicules
pdf-letter-lien-greeting = À qui de droit,
pdf-letter-lien-body = Northstar Auto Finance, créancier garanti du véhicule décrit ci-dessous, donne mainlevée de toute sa sûreté (privilège) sur celui-ci. Le prêt qu'elle garantissait, contrat { $number }, a été remboursé en entier le { $date }.
pdf-letter-colour = Couleur
pdf-letter-owners = Propriétaire(s)
pdf-letter-released-on = Mainlevée donnée le
pdf-letter-bought-on = Acheté et payé le
pdf-letter-lien-next = Présentez cette lettre avec le certificat d'immatriculation pour faire retirer Northstar Auto Finance comme créancier garanti.
pdf-letter-lien-signature = Signataire autorisé, Service des mainlevées, Northstar Auto Finance
pdf-letter-title-title = Cession du titre de propriété
pdf-letter-title-body = Northstar Auto Finance, locateur et propriétaire immatriculé du véhicule décrit ci-dessous, cède son titre de propriété au(x) locataire(s) nommé(s) ci-dessous, qui ont acheté le véhicule en vertu du contrat de location { $number }; l'achat a été payé en entier le { $date }.
pdf-letter-title-next = Présentez cette lettre avec le certificat d'immatriculation pour immatriculer le véhicule à votre nom.
pdf-letter-interest-title = Intérêts payés en { $year }
pdf-letter-interest-body = En { $year }, les paiements portés à votre contrat de prêt { $number } pour le véhicule { $vehicle }, NIV { $vin }, ont payé { $interest } d'intérêts.
pdf-letter-interest-payments = Paiements portés au compte
pdf-letter-interest-total = Total payé
pdf-letter-interest-principal = Dont capital
pdf-letter-interest-fees = Dont frais et pénalités de retard
pdf-letter-interest-paid = Intérêts payés en { $year }
pdf-letter-interest-note = Seuls les paiements portés au compte pendant l'année sont comptés; un paiement retourné ne l'est pas. Conservez cette lettre avec vos dossiers fiscaux. Nous ne pouvons pas donner de conseils fiscaux.
pdf-letter-balance-title = Confirmation de solde
pdf-letter-balance-body = À votre demande, nous confirmons le solde du contrat { $number } pour le véhicule { $vehicle }, NIV { $vin }, en date du { $today }.
pdf-letter-balance-note = Ceci n'est pas un relevé de remboursement : les intérêts courent chaque jour. Pour le montant qui solde le contrat à une date donnée, demandez un relevé de remboursement dans le portail client.
pdf-contact = Des questions? Appelez le { $phone } · { $hours }

# Lettre de remboursement
pdf-payoff-title = Lettre de remboursement
pdf-payoff-subject = Remboursement du contrat { $number } valable jusqu'au { $date }
pdf-payoff-body = À votre demande, voici le montant qui rembourse votre contrat de prêt { $number } pour le véhicule { $vehicle }, NIV { $vin }, s'il nous parvient au plus tard le { $date }.
pdf-payoff-lease-body = À votre demande, voici les prix d'achat du véhicule { $vehicle }, NIV { $vin }, loué en vertu du contrat { $number }.
pdf-payoff-principal = Capital
pdf-payoff-interest-to = Intérêts courus au { $date }
pdf-payoff-days = Intérêt quotidien : { $days } jour(s) × { $perdiem }
pdf-payoff-fees = Frais dus
pdf-payoff-credits = Paiements déjà prévus
pdf-payoff-total = Montant de remboursement valable jusqu'au { $date }
pdf-payoff-per-diem = Les intérêts augmentent d'environ { $perdiem } par jour. Si le paiement nous parvient après la date de validité, demandez un nouveau calcul.
pdf-payoff-remaining = Paiements restants : { $count } × { $amount }
pdf-payoff-residual = Valeur résiduelle
pdf-payoff-unearned = Frais de location non courus
pdf-payoff-option-fee = Frais d'option d'achat
pdf-payoff-buyout-total = Prix d'achat aujourd'hui
pdf-payoff-maturity-total = Prix d'achat à l'échéance (taxes comprises)
pdf-payoff-where = Où payer
pdf-payoff-reference = Référence (obligatoire)
pdf-payoff-after = Une fois le remboursement reçu, nous vous envoyons une confirmation de remboursement intégral et libérons notre privilège. Tout montant payé en trop vous est remboursé.

# contracts (fr-CA)

## Shared by the dashboard, details, schedule and history pages

contracts-kind-loan = Prêt
contracts-kind-lease = Location
contracts-co-borrower = Coemprunteur
contracts-vehicle-and-number = { $vehicle } · Contrat { $number }
contracts-download-csv = Télécharger en CSV
contracts-print = Tout imprimer
contracts-col-status = État
contracts-col-interest = Intérêts
contracts-col-rent-charge = Frais de location
contracts-col-principal = Capital
contracts-col-depreciation = Dépréciation
contracts-col-tax = Taxes
contracts-pages-label = Pages
contracts-previous = Précédente
contracts-next = Suivante
contracts-page-of = Page { $page } de { $pages }

## Schedule row status

contracts-row-paid = Payé
contracts-row-paid-late = Payé en retard
contracts-row-past-due = En souffrance
contracts-row-due = Prochaine échéance
contracts-row-pending = Paiement en traitement
contracts-row-projected = Prévu

## Transaction type and status

contracts-txn-payment = Paiement
contracts-txn-fee = Frais
contracts-txn-late-charge = Frais de retard
contracts-txn-adjustment = Ajustement
contracts-txn-pending = En attente
contracts-txn-posted = Comptabilisé
contracts-txn-returned = Retourné

## What a transaction was (TxnNote codes)

txn-note-online-payment = Paiement en ligne
txn-note-final-payoff = Paiement final (remboursement total)
txn-note-late-charge = Frais de retard
txn-note-extra-miles = Milles supplémentaires achetés
txn-note-returned-payment-fee = Frais de paiement refusé
txn-note-returned-nsf = Paiement retourné : provision insuffisante

## Dashboard

dashboard-title = Tableau de bord
dashboard-another-contract = Un autre contrat à votre nom?
dashboard-link-another = Lier un autre compte
dashboard-link-title = Liez votre compte
dashboard-link-text = Pour consulter votre solde, vos paiements et vos documents, liez votre contrat de financement à cet identifiant. Vous aurez besoin du numéro d'identification du véhicule (NIV) complet et du montant exact de votre dernier paiement — ou de votre numéro de client inscrit sur votre carte de propriétaire.
dashboard-link-button = Lier votre compte
dashboard-balance = Solde
dashboard-remaining-payments = Paiements restants
dashboard-next-due-on = { $amount } le { $date }
dashboard-closed = Soldé · fermé
dashboard-card-hint = { $colour } · Contrat { $number } · NIV …{ $vin }
dashboard-past-due = En souffrance : { $amount }
dashboard-past-due-note = — ce montant comprend des frais de retard. Veuillez payer dès maintenant pour éviter d'autres frais, ou écrivez-nous si vous avez besoin d'aide.
dashboard-next-payment = Prochain paiement
dashboard-due-today = Dû aujourd'hui
dashboard-nothing-due = Aucun montant dû
dashboard-in-flight = Paiement de { $amount } en traitement, porté au compte le { $date }
dashboard-scheduled = Paiement de { $amount } prévu le { $date }
dashboard-autopay = Prélèvement automatique
dashboard-autopay-on = Activé
dashboard-autopay-off = Désactivé
dashboard-autopay-detail = Activé — prélèvement le { $date } depuis { $source }
dashboard-autopay-manage = Prélèvement automatique
dashboard-actions-for = Actions pour { $vehicle }
dashboard-pay = Payer
dashboard-payoff-quote = Solde de remboursement anticipé
dashboard-buyout-quote = Prix de rachat
dashboard-details = Détails
dashboard-messages = Messages

## Contract details

detail-tabs-label = Contrat
detail-tab-details = Détails
detail-tab-schedule = Calendrier des paiements
detail-tab-history = Historique
detail-page-title = Détails du contrat
detail-error-title = Contrat
detail-back-to-dashboard = Retour au tableau de bord
detail-hint = { $kind } · Contrat { $number } · NIV { $vin }
detail-terms = Conditions
detail-apr = Taux annuel en pourcentage (TAP)
detail-apr-value = { $rate } %
detail-money-factor = Facteur de location (money factor)
detail-adjusted-cap-cost = Coût capitalisé ajusté
detail-amount-financed = Montant financé
detail-monthly-payment = Paiement mensuel
detail-term = Durée
detail-term-months = { $n } mois
detail-contract-date = Date du contrat
detail-first-due = Date du premier paiement
detail-due-day = Jour d'échéance des paiements
detail-due-day-value = Le { $day ->
        [1] 1er
       *[other] { $day }
    } de chaque mois
detail-maturity = Date d'échéance du contrat
detail-residual = Valeur résiduelle
detail-purchase-price = Prix d'achat à l'échéance (frais et taxes compris)
detail-mileage = Distance autorisée
# $miles is $n already written with digit grouping.
detail-miles = { $n ->
        [one] { $miles } mille
       *[other] { $miles } milles
    }
detail-standing = Situation actuelle
detail-payments-made = Paiements effectués
detail-payments-remaining = Paiements restants
detail-remaining-total = Total des paiements restants
detail-principal-balance = Solde du capital
detail-past-due = En souffrance
detail-fees-due = Frais exigibles
detail-in-flight = Paiements en traitement
detail-parties = Personnes au contrat
detail-primary-borrower = Emprunteur principal
detail-lessee = Locataire
detail-co-lessee = Colocataire

## Payment schedule

schedule-title = Calendrier des paiements
schedule-caption = { $total ->
        [one] { $total } paiement
       *[other] { $total } paiements
    } · page { $page } de { $pages }
schedule-col-number = N°
schedule-col-due-date = Date d'échéance
schedule-col-payment = Paiement
schedule-col-balance-after = Solde après paiement

## Payment history

history-title = Historique des paiements
history-empty = Aucune opération pour le moment.
history-caption = { $total ->
        [one] { $total } opération
       *[other] { $total } opérations
    } · page { $page } de { $pages }
history-col-date = Date
history-col-type = Opération
history-col-amount = Montant
history-col-fees = Frais
history-col-reference = Référence

## Balance chart (the label is read by screen readers)

chart-label = Évolution du solde : montant financé de { $financed }, solde de { $left } après { $paid ->
        [one] { $paid } paiement
       *[other] { $paid } paiements
    } sur { $total }.
chart-label-ending = Évolution du solde : montant financé de { $financed }, solde de { $left } après { $paid ->
        [one] { $paid } paiement
       *[other] { $paid } paiements
    } sur { $total }, dernière échéance le { $end }.
chart-paid = Payé
chart-scheduled-balance = Solde prévu

## Payer depuis une autre banque (détails du contrat) : le compte du prêteur dans le pays du contrat

transfer-title = Payer depuis une autre banque
transfer-instructions = Faites un virement au compte ci-dessous en indiquant votre numéro de contrat { $number } comme référence, sinon le paiement ne pourra pas être porté à votre contrat. Un virement met jusqu’à { $days ->
        [one] { $days } jour ouvrable
       *[other] { $days } jours ouvrables
    } à nous parvenir : envoyez-le assez tôt pour qu’il arrive avant la date d’échéance.
transfer-payee = Bénéficiaire
transfer-bank = Banque
transfer-account-number = Numéro de compte
transfer-us-routing = Numéro d’acheminement ABA
transfer-us-account-type = Type de compte
transfer-us-checking = Chèques
transfer-us-savings = Épargne
transfer-ca-institution = Numéro d’institution
transfer-ca-transit = Numéro de domiciliation (transit)
transfer-ru-inn = INN du bénéficiaire (numéro fiscal)
transfer-ru-kpp = KPP du bénéficiaire
transfer-ru-bank = Banque du bénéficiaire
transfer-ru-bik = BIK (code de la banque)
transfer-ru-corr = Compte correspondant
transfer-ru-account = Compte de règlement
transfer-reference = Référence (numéro de contrat)
transfer-amount-due = Montant dû maintenant
detail-request-change = Demander une modification (remboursement anticipé, date d'échéance, report…)

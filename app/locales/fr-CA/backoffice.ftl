## Portail du personnel (back-office)

bo-title = Portail du personnel
bo-role-agent = Agent
bo-role-supervisor = Superviseur
bo-role-admin = Administrateur
bo-login-title = Connexion du personnel
bo-login-intro = Réservé au personnel de Northstar. Toutes vos actions sont consignées.
bo-login-email = Courriel professionnel
bo-login-code = Code d'authentification
bo-login-code-hint = Le code à 6 chiffres de votre application d'authentification.
bo-login-failed = Le courriel, le mot de passe ou le code d'authentification est incorrect.
bo-search-title = Trouver un client
bo-search-label = Nom, courriel, numéro de contrat, NIV ou numéro de client
bo-search-hint = Une partie du nom ou du courriel suffit; les numéros de contrat, les NIV et les numéros de client doivent être complets.
bo-search-submit = Rechercher
bo-search-none = Aucun résultat ne correspond à cette recherche.
bo-search-customers = Clients du portail
bo-search-contracts = Contrats
bo-col-name = Nom
bo-col-email = Courriel
bo-col-contracts = Contrats
bo-col-sign-in = Connexion
bo-col-contract = Contrat
bo-col-vehicle = Véhicule
bo-col-borrower = Emprunteur principal
bo-col-portal = Identifiant du portail
bo-col-when = Date
bo-col-event = Événement
bo-col-result = Résultat
bo-col-from = Provenance
bo-locked = Verrouillée
bo-not-locked = Non verrouillée
bo-locked-until = Verrouillée jusqu'au { $time }
bo-open-customer = Ouvrir le dossier client
bo-not-registered = Non inscrit.
bo-customer-title = Dossier client
bo-account = Compte
bo-registered = Date d'inscription
bo-activated = Courriel confirmé
bo-two-step = Connexion en deux étapes
bo-sessions = Sessions ouvertes
bo-phone = Téléphone
bo-language = Langue
bo-yes = Oui
bo-no = Non
bo-unlock = Déverrouiller la connexion
bo-unlock-confirm = Lever le verrouillage causé par des mots de passe erronés pour que le client puisse se connecter dès maintenant?
bo-end-sessions = Fermer toutes les sessions
bo-end-sessions-confirm = Fermer toutes les sessions de ce client sur tous ses appareils?
bo-reset-methods = Réinitialiser les méthodes de connexion
bo-reset-methods-reason = Motif (ce que le client nous a dit, comment nous avons vérifié son identité)
bo-reset-methods-confirm = Retirer l'application d'authentification, les clés d'accès, les codes de récupération et le réglage de code à la connexion, et fermer toutes les sessions
bo-reset-methods-hint = Pour un client qui a perdu son deuxième facteur : un mot de passe temporaire pourra ensuite reconfigurer son identifiant. Le client reçoit un courriel.
bo-yes-do-it = Oui, confirmer
bo-cancel = Annuler
bo-working = Traitement en cours…
bo-done = C'est fait. Référence : { $reference }.
bo-reference = le numéro de référence
bo-no-contracts = Aucun contrat n'est lié à cet identifiant.
bo-contract-money = Solde : { $balance } · en souffrance : { $past_due }
bo-events = Événements de connexion récents
bo-ok = Réussi
bo-failed = Échoué
bo-actions-history = Actions du personnel sur ce compte
bo-no-actions = Aucune action du personnel pour l'instant.
bo-temp-password-issue = Émettre un mot de passe temporaire
bo-temp-password-confirm = Émettre un mot de passe temporaire pour le contrat { $number }? Tout mot de passe temporaire émis auparavant cessera de fonctionner.
bo-temp-password-is = Mot de passe temporaire :
bo-temp-password = le mot de passe temporaire
bo-temp-password-until = Valide jusqu'au { $time }. Communiquez-le au client par téléphone après avoir vérifié son identité; il se connecte avec le numéro de contrat et doit ensuite choisir sa propre adresse courriel et son propre mot de passe.
bo-status-active = Actif
bo-status-paid-off = Remboursé
bo-status-closed = Fermé
bo-action-unlock = Connexion déverrouillée
bo-action-end-sessions = Déconnexion partout
bo-action-reset-methods = Méthodes de connexion réinitialisées
bo-action-temporary-password = Mot de passe temporaire émis
bo-back-to-search = ← Retour à la recherche
bo-contact = Coordonnées
bo-address = Adresse postale
bo-none-on-file = Aucune au dossier
bo-mobile = Téléphone mobile
bo-back-to-customer = ← Retour au dossier de { $name }
bo-contract-title = Contrat
bo-contract-heading = Contrat { $number }
bo-contract-logins = Comptes du portail qui détiennent ce contrat
bo-contract-no-logins = Aucun compte du portail ne détient ce contrat.
bo-contract-name-mismatch = Vérifiez l'identité : le nom du compte ({ $login }) n'est pas le nom inscrit au contrat ({ $party }).
bo-contract-documents = Documents que le client peut télécharger
bo-contract-schedule-caption = { $total ->
    [one] { $total } paiement
   *[other] { $total } paiements
}
bo-contract-history-caption = { $total ->
    [one] { $total } opération
   *[other] { $total } opérations
}
bo-col-excess = Excédent
bo-notes = Notes
bo-note-label = Nouvelle note
bo-note-hint = Ce que le client a dit ou ce que vous avez fait. Au plus { $max } caractères; une note ne peut être ni modifiée ni supprimée.
bo-note-add = Ajouter la note
bo-no-notes = Aucune note pour l'instant.
bo-action-add-note = Note ajoutée
bo-recent-title = Dossiers clients que vous avez ouverts récemment

## Payments in the customer file

bo-payments = Paiements
bo-cancel-payment = Annuler ce paiement…
bo-cancel-reason = Pourquoi il est annulé (le client en est informé)
bo-cancel-payment-confirm = Annuler le paiement
bo-keep-payment = Le garder
bo-action-cancel-payment = A annulé un paiement prévu
bo-autopays = Prélèvements automatiques
bo-autopay-none = Aucun prélèvement automatique.
bo-autopay-next = Prochain prélèvement le { $date } ({ $days } jours avant l'échéance)

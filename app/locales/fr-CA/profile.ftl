# profile (fr-CA)

## Profile menu
profile-page-title = Profil
profile-menu-details = Coordonnées et préférences
profile-menu-details-hint = Cellulaire, adresse postale, langue, relevés sans papier et rappels
profile-menu-sign-in = Mot de passe et courriel
profile-menu-sign-in-hint = Changez votre mot de passe ou l'adresse courriel avec laquelle vous vous connectez
profile-menu-two-step = Connexion en deux étapes
profile-menu-two-step-hint = Application d'authentification, clés d'accès, codes de récupération et codes de connexion
profile-menu-security = Sécurité
profile-menu-security-hint = Où vous êtes connecté, appareils mémorisés et historique des connexions

## Password and email
profile-sign-in-title = Mot de passe et courriel
profile-password-changed-toast = Mot de passe changé. Vos autres appareils ont été déconnectés.
profile-password-title = Changer votre mot de passe
profile-password-changed = Votre mot de passe a été changé. Vos autres appareils ont été déconnectés.
profile-current-password = Mot de passe actuel
profile-new-password = Nouveau mot de passe
profile-new-password-hint = Au moins { $min ->
        [one] { $min } caractère
       *[other] { $min } caractères
    }; nous recommandons { $recommended } ou plus.
profile-confirm-password = Confirmer le nouveau mot de passe
profile-change-password = Changer le mot de passe
profile-saving = Enregistrement…
profile-email-title = Changer votre adresse courriel
# Around the new address, shown in bold: "We sent a confirmation link to <address>. Your current …"
profile-email-sent-before = Nous avons envoyé un lien de confirmation à
profile-email-sent-after = . Votre adresse actuelle reste en vigueur jusqu'à ce que vous ouvriez ce lien.
profile-new-email = Nouvelle adresse courriel
profile-send-link = Envoyer le lien de confirmation
profile-sending = Envoi…

## Confirm email change (/confirm-email)
profile-confirm-title = Confirmez votre adresse courriel
# Around the new address, shown in bold: "Your login now uses <address>."
profile-confirmed-before = Vous vous connectez maintenant avec l'adresse
profile-confirmed-after = .
profile-sign-in = Se connecter
profile-confirming = Confirmation…
profile-confirm-submit = Confirmer la nouvelle adresse
profile-confirm-submit-busy = Confirmation…

## Contact details
details-page-title = Coordonnées et préférences
details-choose = Choisir…
details-contact-saved = Coordonnées enregistrées
details-contact-title = Coordonnées
details-phone-label = Cellulaire (facultatif)
details-phone-hint = Avec l'indicatif du pays, p. ex. +1 416 555 0123. Sert aux codes de connexion et aux rappels de paiement, si vous le souhaitez.
details-phone-code-label = Code envoyé par texto au { $to } (le nouveau numéro est enregistré une fois le code entré)
details-phone-confirm = Confirmer le numéro
details-phone-confirming = Confirmation…
details-country = Pays
details-line1 = Adresse (numéro et rue)
details-line2 = Appartement, bureau, unité (facultatif)
details-city = Ville
details-region-ru = Région (oblast, kraï ou république)
details-province = Province ou territoire
details-state = État
details-zip = Code ZIP
details-postal-index = Index postal
details-postal-code = Code postal
details-save = Enregistrer les coordonnées
details-saving = Enregistrement…

country-us = États-Unis
country-ca = Canada
country-ru = Russie

## Canadian provinces and territories (US states keep their English names)
province-ab = Alberta
province-bc = Colombie-Britannique
province-mb = Manitoba
province-nb = Nouveau-Brunswick
province-nl = Terre-Neuve-et-Labrador
province-ns = Nouvelle-Écosse
province-nt = Territoires du Nord-Ouest
province-nu = Nunavut
province-on = Ontario
province-pe = Île-du-Prince-Édouard
province-qc = Québec
province-sk = Saskatchewan
province-yt = Yukon

## Preferences (language names stay in their own language)
prefs-saved = Préférences enregistrées
prefs-title = Préférences
prefs-language = Langue
prefs-statements = Relevés et lettres
prefs-paperless = Passer au sans papier : relevés et lettres en ligne seulement, aucun envoi postal
prefs-reminders = Rappels de paiement et alertes de compte
prefs-by-email = Par courriel
prefs-by-sms = Par message texte
prefs-by-sms-no-phone = Par message texte (ajoutez d'abord un numéro de cellulaire ci-dessus)
prefs-save = Enregistrer les préférences
prefs-saving = Enregistrement…
